package com.disputehub.channel.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.OptionSpec;
import com.disputehub.channel.support.AccountTokens;
import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.channel.support.TokenCipher;

/**
 * The accounts this instance serves: every enabled configured account, less the sandbox's demo accounts when
 * the sandbox is off. An account naming an unknown channel, or an option its channel does not take or with a wrong
 * value, stops the start with a clear message.
 */
@Component
public class ChannelAccounts {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    private final List<ChannelAccount> accounts;

    ChannelAccounts(AccountsProperties properties, ChannelAdapters adapters, TokenCipher cipher) {
        List<ChannelAccount> list = new ArrayList<>();
        for (Map.Entry<String, AccountsProperties.Account> e : properties.accounts().entrySet()) {
            AccountsProperties.Account a = e.getValue();
            if (Boolean.FALSE.equals(a.enabled()) || (a.sandbox() && !properties.sandbox().enabled())) {
                continue;
            }
            if (!adapters.supports(a.channel())) {
                throw new IllegalStateException("account '" + e.getKey() + "' names channel '" + a.channel()
                        + "', which no adapter serves; known channels: " + adapters.channelTypes());
            }
            checkOptions(e.getKey(), a.channel(), a.options() == null ? Map.of() : a.options(), adapters.get(a.channel()).options());
            Duration interval = a.pollInterval() == null ? DEFAULT_POLL_INTERVAL : a.pollInterval();
            ChannelAccount account = new ChannelAccount(e.getKey(), a.channel(), a.baseUrl(), interval, a.sandbox(), a.credentials(),
                    a.options());
            List<String> problems = new ArrayList<>(adapters.get(a.channel()).optionProblems(account));
            if (AccountTokens.refreshes(account) && !cipher.hasKey()) {
                problems.add("credentials.refresh-token needs disputehub.tokens.encryption-key (environment "
                        + "DISPUTEHUB_TOKENS_ENCRYPTION_KEY: 32 random bytes in base64, e.g. openssl rand -base64 32) to keep tokens encrypted");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("account '" + e.getKey() + "': " + String.join("; ", problems));
            }
            list.add(account);
        }
        // a holiday calendar that cannot be read stops the start, naming the option, rather than the first sync
        list.forEach(account -> BusinessCalendar.of(account, "UTC"));
        this.accounts = Collections.unmodifiableList(list);
    }

    /**
     * Every option of the account is one its channel or every channel takes, with a value of the right kind; else the
     * start stops with a sentence naming the key and, for an unknown key, the options there are.
     */
    static void checkOptions(String account, String channel, Map<String, String> options, List<OptionSpec> declared) {
        List<OptionSpec> known = new ArrayList<>(declared);
        known.addAll(CommonOptions.ALL);
        for (Map.Entry<String, String> option : options.entrySet()) {
            OptionSpec spec = known.stream().filter(s -> s.names(option.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("account '" + account + "': options." + option.getKey()
                            + " is not an option of a " + channel + " account; its options are "
                            + known.stream().map(OptionSpec::name).sorted().toList()));
            String problem = spec.check(option.getValue());
            if (problem != null) {
                throw new IllegalStateException("account '" + account + "': options." + option.getKey() + " " + problem
                        + ", not '" + option.getValue() + "'");
            }
        }
        for (OptionSpec spec : declared) {
            if (spec.required() && options.keySet().stream().noneMatch(spec::names)) {
                throw new IllegalStateException("account '" + account + "': options." + spec.name() + " is required for a "
                        + channel + " account: " + spec.meaning());
            }
        }
    }

    public List<ChannelAccount> all() {
        return accounts;
    }

    public Optional<ChannelAccount> find(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}

package com.disputehub.channel.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAdapter;

/** Finds adapters by channel type among the adapter beans; nothing else names them. */
@Component
public class ChannelAdapters {

    private final Map<String, ChannelAdapter> byType;

    ChannelAdapters(List<ChannelAdapter> adapters) {
        this.byType = adapters.stream().collect(Collectors.toMap(ChannelAdapter::channelType, Function.identity()));
    }

    public ChannelAdapter get(String channelType) {
        ChannelAdapter adapter = byType.get(channelType);
        if (adapter == null) {
            throw new IllegalArgumentException("no adapter for channel '" + channelType + "'; known: " + channelTypes());
        }
        return adapter;
    }

    public boolean supports(String channelType) {
        return byType.containsKey(channelType);
    }

    public Set<String> channelTypes() {
        return new TreeSet<>(byType.keySet());
    }

    /** Every installed adapter, by channel type. */
    public List<ChannelAdapter> all() {
        return channelTypes().stream().map(byType::get).toList();
    }
}

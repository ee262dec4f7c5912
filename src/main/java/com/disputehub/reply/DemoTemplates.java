package com.disputehub.reply;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code disputehub.demo-templates}: the demo's saved replies, created at start unless one has the name already. */
@Component
class DemoTemplates implements ApplicationRunner {

    /** The configured templates; none outside the demo. */
    @ConfigurationProperties("disputehub")
    record Configured(List<ReplyTemplateRequest> demoTemplates) {

        Configured {
            demoTemplates = demoTemplates == null ? List.of() : List.copyOf(demoTemplates);
        }
    }

    private final Configured configured;
    private final ReplyTemplates templates;

    DemoTemplates(Configured configured, ReplyTemplates templates) {
        this.configured = configured;
        this.templates = templates;
    }

    @Override
    public void run(ApplicationArguments args) {
        configured.demoTemplates().forEach(t -> templates.createIfAbsent(t, "demo"));
    }
}

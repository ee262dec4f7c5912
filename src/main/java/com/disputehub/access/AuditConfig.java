package com.disputehub.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the audit trail on the API and the pages; the sandbox simulators stand for the channels and are not audited. */
@Configuration
class AuditConfig implements WebMvcConfigurer {

    private final AuditTrail trail;

    AuditConfig(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(trail).addPathPatterns("/api/**", "/inbox/**");
    }
}

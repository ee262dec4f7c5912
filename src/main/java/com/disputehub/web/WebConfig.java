package com.disputehub.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The pages' language: the browser's (Accept-Language) unless the switch ({@code ?lang=}) chose one, kept in a cookie. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.ITALIAN,
            Locale.forLanguageTag("nl"), Locale.forLanguageTag("pt"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("disputehub-lang") {
            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                                  jakarta.servlet.http.HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, offered(locale));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> java.util.Collections.list(request.getLocales()).stream()
                .map(WebConfig::offered).filter(l -> l != null).findFirst().orElse(Locale.ENGLISH));
        return resolver;
    }

    /** The offered languages' codes, for the switch and the per-language template fields. */
    static List<String> languageCodes() {
        return LANGUAGES.stream().map(Locale::getLanguage).toList();
    }

    /** The offered language of {@code locale} (pt-BR gives pt); null when none is offered. */
    static Locale offered(Locale locale) {
        if (locale == null) {
            return null;
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/inbox/**", "/inbox");
    }
}

package com.disputehub.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.disputehub.access.Actor;
import com.disputehub.access.Role;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.support.AccountTokens;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.document.DocumentProblem;
import com.disputehub.incident.IncidentStateException;
import com.disputehub.webhook.WebhookService;
import com.disputehub.grouping.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What every page shows (the language switch) and the error page with a sentence that says what to fix. */
@ControllerAdvice(basePackageClasses = PageSupport.class)
class PageSupport {

    private final WebhookService webhooks;
    private final AccountTokens tokens;
    private final ChannelAccounts accounts;
    private final Words words;

    PageSupport(WebhookService webhooks, AccountTokens tokens, ChannelAccounts accounts, Words words) {
        this.words = words;
        this.webhooks = webhooks;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /**
     * The language switch, who is signed in, the configured accounts paused until someone authorizes them again, and for an
     * ADMIN the webhook endpoints that were turned off by failure.
     */
    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("languages", WebConfig.languageCodes());
        model.addAttribute("currentPath", request.getRequestURI());
        Actor.signedIn().ifPresent(a -> model.addAttribute("signedIn", a.getName()));
        Actor.role().ifPresent(r -> model.addAttribute("signedInRole", r.name()));
        if (Actor.signedIn().isPresent()) {
            model.addAttribute("pausedAccounts", tokens.pausedAccounts().stream()
                    .filter(p -> accounts.find(p.accountId()).isPresent()).toList());
        }
        if (Actor.role().filter(r -> r == Role.ADMIN).isPresent()) {
            model.addAttribute("disabledWebhooks", webhooks.all().stream()
                    .filter(w -> !w.enabled() && w.disabledReason() != null).toList());
        }
    }

    @ExceptionHandler({IncidentNotFoundException.class, NotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model) {
        return error(model, List.of(e.getMessage()));
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(RuntimeException e, Model model) {
        return error(model, List.of(e.getMessage()));
    }

    /** A form without the file it needs (or not sent as a form with files). */
    @ExceptionHandler({org.springframework.web.multipart.support.MissingServletRequestPartException.class,
            org.springframework.web.multipart.MultipartException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String noFile(Exception e, Model model) {
        return error(model, List.of("choose a file to send: " + e.getMessage()));
    }

    @ExceptionHandler(DocumentProblem.class)
    String document(DocumentProblem e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        return error(model, List.of(e.getMessage()));
    }

    @ExceptionHandler(IncidentStateException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(IncidentStateException e, Model model) {
        return error(model, List.of(e.getMessage()));
    }

    @ExceptionHandler(DecisionRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(DecisionRefusedException e, Model model) {
        return error(model, words.sayAll(e.words()));
    }

    private static String error(Model model, List<String> problems) {
        model.addAttribute("problems", problems);
        model.addAttribute("languages", WebConfig.languageCodes());
        return "error-page";
    }
}

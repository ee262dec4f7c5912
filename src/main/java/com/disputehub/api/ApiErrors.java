package com.disputehub.api;

import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.disputehub.channel.command.DecisionType;
import com.disputehub.decision.DecisionNotFoundException;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.document.DocumentProblem;
import com.disputehub.grouping.NotFoundException;
import com.disputehub.incident.IncidentStateException;

/**
 * Every API error as an RFC 9457 problem with a sentence that says what to fix, never a Java class or method name;
 * the framework's own (404, 405, 415, a missing parameter) come as problems too ({@code spring.mvc.problemdetails}).
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(DecisionRefusedException.class)
    ProblemDetail refused(DecisionRefusedException e) {
        HttpStatus status = switch (e.kind()) {
            case UNSUPPORTED, NOT_ALLOWED, CONFLICT -> HttpStatus.CONFLICT;
            case INVALID, KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FOUR_EYES -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Decision not accepted");
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler({IncidentNotFoundException.class, DecisionNotFoundException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DocumentProblem.class)
    ProblemDetail document(DocumentProblem e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
    }

    @ExceptionHandler(IncidentStateException.class)
    ProblemDetail conflict(IncidentStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "; one of " + List.of(e.getRequiredType().getEnumConstants()) : "";
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' cannot be '" + e.getValue() + "'" + allowed);
    }

    /** What nobody foresaw: a 500 that says so, with the details in the log only. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        if (e instanceof ErrorResponse known) {
            return known.getBody();
        }
        log.error("unexpected error answering an API call", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error; nothing of this request may have been saved, and the log has the details");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return unreadable(e.getMostSpecificCause());
    }

    /** A body read by a controller itself (a decision, to keep its {@code onBehalfOf} beside it) that is no decision. */
    @ExceptionHandler(tools.jackson.core.JacksonException.class)
    ProblemDetail unreadable(tools.jackson.core.JacksonException e) {
        return unreadable((Throwable) e);
    }

    private static ProblemDetail unreadable(Throwable cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the JSON body cannot be read: " + plain(cause.getMessage().lines().findFirst().orElse("")));
        problem.setProperty("hint", "a decision needs \"type\": one of " + Arrays.toString(DecisionType.values()) + "; see docs/api.md");
        return problem;
    }

    /** A parser's sentence in the user's terms: no package, class or Java type names. */
    static String plain(String message) {
        return message.replaceAll("(?:[a-z_][\\w]*\\.)+(?=[A-Za-z])", "").replaceAll("\\b\\w+\\$", "").replace("`", "")
                .replaceAll("\\bBigDecimal\\b", "number").replaceAll("\\b(?:Integer|Long|int|long)\\b", "whole number")
                .replaceAll("\\bString\\b", "text").replaceAll("\\bUUID\\b", "id").replace("Enum class", "the values");
    }
}

package com.disputehub.api;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.disputehub.channel.DecisionType;
import com.disputehub.decision.DecisionNotFoundException;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.IncidentNotFoundException;
import com.disputehub.grouping.NotFoundException;

/** Every API error as an RFC 9457 problem with a sentence that says what to fix. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(DecisionRefusedException.class)
    ProblemDetail refused(DecisionRefusedException e) {
        HttpStatus status = switch (e.kind()) {
            case UNSUPPORTED, NOT_ALLOWED, CONFLICT -> HttpStatus.CONFLICT;
            case INVALID, KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the JSON body cannot be read: " + cause.getMessage().lines().findFirst().orElse(""));
        problem.setProperty("hint", "a decision needs \"type\": one of " + Arrays.toString(DecisionType.values()) + "; see docs/api.md");
        return problem;
    }
}

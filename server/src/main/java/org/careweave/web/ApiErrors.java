package org.careweave.web;

import org.careweave.access.AccessDenied;
import org.careweave.record.ItemWithheld;
import org.careweave.shared.NotFound;
import org.careweave.shared.PersonNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** Translates domain exceptions from REST controllers into problem details with a stable, greppable code. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail denied(AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "CW-403-" + e.basis().name(), e.getMessage());
    }

    @ExceptionHandler(ItemWithheld.class)
    ProblemDetail withheld(ItemWithheld e) {
        return problem(HttpStatus.FORBIDDEN, "CW-403-WITHHELD", e.getMessage());
    }

    @ExceptionHandler(PersonNotFound.class)
    ProblemDetail notFound(PersonNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "CW-404-PERSON", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail missing(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "CW-404", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "CW-400", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .reduce((a, b) -> a + "; " + b).orElse("The request body is not valid");
        return problem(HttpStatus.BAD_REQUEST, "CW-400-FIELDS", detail);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "CW-400-BODY",
                "The request body is not valid JSON of the expected shape: " + whereAndWhat(e.getMostSpecificCause()));
    }

    /** Jackson's reason, and where in the body: the field it was reading, or else the line and column. */
    private static String whereAndWhat(Throwable cause) {
        if (!(cause instanceof JacksonException json)) {
            return cause.getMessage();
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : json.getPath()) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            return json.getOriginalMessage() + " (field " + field + ")";
        }
        TokenStreamLocation at = json.getLocation();
        return at == null || at.getLineNr() < 1 ? json.getOriginalMessage()
                : json.getOriginalMessage() + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "CW-400-PARAMETER",
                "'" + e.getValue() + "' is not a valid value for " + e.getName());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}

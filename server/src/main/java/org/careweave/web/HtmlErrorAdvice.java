package org.careweave.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.careweave.access.AccessDenied;
import org.careweave.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Errors on pages as a clinician expects them: an access refusal as the 403 page with the policy's reason, something
 * that does not exist as the 404 page, a form field of the wrong type or left out as the page again with a message
 * naming the field, and Spring MVC's own errors (no such page, wrong method) as NHS.UK-style error pages. Problem
 * details would otherwise answer every client with JSON; clients that do not ask for HTML still get problem+json.
 * Ordered after {@link ApiErrors}, so REST controllers keep their JSON errors.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HtmlErrorAdvice {

    /** Request attribute the 403 page shows as the reason for a refusal. */
    static final String REFUSAL = "refusal";

    private final MessageSource messages;

    HtmlErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, ErrorResponseException.class})
    ResponseEntity<ProblemDetail> error(Exception exception, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ErrorResponse error = (ErrorResponse) exception;
        if (wantsHtml(request)) {
            // The container's error dispatch renders templates/error/<status>.html with the layout's model.
            response.sendError(error.getStatusCode().value());
            return null;
        }
        ProblemDetail body = error.getBody();
        if (body.getInstance() == null) {
            body.setInstance(URI.create(request.getRequestURI()));
        }
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(body);
    }

    @ExceptionHandler(AccessDenied.class)
    void refused(AccessDenied refusal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(REFUSAL, refusal.getMessage());
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /** A form field that is not of the type the page expects ("abc" as a number) or is missing. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badField(Exception exception, HttpServletRequest request,
                                           HttpServletResponse response) throws IOException {
        String parameter;
        String message;
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            parameter = mismatch.getName();
            message = label(parameter, request) + " must be " + expected(mismatch.getRequiredType()) + "; '"
                    + mismatch.getValue() + "' is not";
        } else {
            parameter = ((MissingServletRequestParameterException) exception).getParameterName();
            message = "Enter the " + label(parameter, request).toLowerCase(Locale.ROOT);
        }
        String page = wantsHtml(request) ? pageToShowAgain(request, parameter) : null;
        if (page == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.badRequest().body(problem);
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("error", message);
        RequestContextUtils.saveOutputFlashMap(page, request, response);
        response.sendRedirect(page);
        return null;
    }

    /**
     * The page to show again with the message: after a search (GET), the same page without the bad field; after a
     * form (POST), the page the form was on, when the browser says which (a path on this server only).
     */
    private static String pageToShowAgain(HttpServletRequest request, String parameter) {
        if (HttpMethod.GET.matches(request.getMethod())) {
            return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam(parameter).build().toUriString();
        }
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return null;
        }
        try {
            URI from = URI.create(referer);
            String path = from.getRawPath();
            if (path == null || !path.startsWith(request.getContextPath() + "/")
                    || (from.getHost() != null && !from.getHost().equalsIgnoreCase(request.getServerName()))) {
                return null;
            }
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The field's label on the page (messages.properties "field.NAME"), else its name in words. */
    private String label(String parameter, HttpServletRequest request) {
        String words = parameter.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        String fallback = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return messages.getMessage("field." + parameter, null, fallback, request.getLocale());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number, like 42";
        }
        if (type == LocalDate.class) {
            return "a date, like 2026-04-01";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "a valid value";
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

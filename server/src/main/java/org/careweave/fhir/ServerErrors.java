package org.careweave.fhir;

import java.util.UUID;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FHIR request that fails inside CareWeave is answered with an incident id, and the failure is logged under it.
 * HAPI would otherwise put the exception's text (a SQL statement, a class name) into the OperationOutcome sent to
 * the caller. Refusals and bad requests (4xx) keep their own messages, which are written for the caller; so does a
 * bearer token the access policy cannot act on (401).
 */
@Interceptor
final class ServerErrors {

    private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException withoutDetail(Throwable failure) {
        if (failure instanceof BaseServerResponseException answer && answer.getStatusCode() < 500) {
            return answer;
        }
        if (failure instanceof DataFormatException unreadable && whileBindingParameters(unreadable)) {
            return new InvalidRequestException("A parameter of the request cannot be read: " + unreadable.getMessage());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.security.core.AuthenticationException refused) {
                return new AuthenticationException(refused.getMessage());
            }
        }
        String incident = UUID.randomUUID().toString();
        log.error("FHIR request failed: incident {}", incident, failure);
        return new InternalErrorException("CareWeave could not answer this request because of an error on the server;"
                + " it is logged as incident " + incident + ". Try again later, or give the incident id to the"
                + " service desk.");
    }

    /**
     * HAPI reads a search's or operation's parameters (dates, quantities, tokens) before CareWeave's method is called,
     * and says what it could not read with a DataFormatException, which it leaves unanswered. Elsewhere the same
     * exception would mean a stored resource HAPI cannot read: the server's fault.
     */
    private static boolean whileBindingParameters(DataFormatException failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().equals(BaseMethodBinding.class.getName())
                    && frame.getMethodName().equals("createMethodParams")) {
                return true;
            }
        }
        return false;
    }
}

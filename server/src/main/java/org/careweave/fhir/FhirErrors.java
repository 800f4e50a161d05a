package org.careweave.fhir;

import java.util.function.Supplier;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.access.AccessDenied;
import org.careweave.record.ItemWithheld;
import org.careweave.shared.NotFound;

/** Translates the features' domain exceptions into HAPI exceptions, which HAPI answers with an OperationOutcome. */
final class FhirErrors {

    private FhirErrors() {
    }

    static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (AccessDenied | ItemWithheld e) {
            throw new ForbiddenOperationException(e.getMessage());
        } catch (NotFound e) {
            throw new ResourceNotFoundException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        } catch (BaseServerResponseException e) {
            throw e;
        }
    }

    static long idOf(String idPart, String resourceType) {
        try {
            return Long.parseLong(idPart);
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(resourceType + "/" + idPart + " does not exist");
        }
    }
}

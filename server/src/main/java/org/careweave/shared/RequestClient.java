package org.careweave.shared;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current request came from, for the audit trail; "internal" outside a web request. */
public final class RequestClient {

    private RequestClient() {
    }

    public static String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "internal";
    }
}

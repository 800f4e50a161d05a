package org.careweave.identity;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a JWT client assertion from a token request. SMART Backend Services clients send no {@code client_id}, so
 * when it is absent the client is named by the assertion's subject; the signature is then checked against that
 * client's registered keys, so naming another client gains nothing.
 */
class SmartClientAssertionConverter implements AuthenticationConverter {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final ClientAuthenticationMethod METHOD = new ClientAuthenticationMethod(JWT_BEARER);

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!JWT_BEARER.equals(request.getParameter("client_assertion_type"))) {
            return null;
        }
        String assertion = single(request, "client_assertion");
        String clientId = request.getParameter("client_id");
        if (clientId == null || clientId.isBlank()) {
            clientId = subjectOf(assertion);
        }
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("client_assertion_type") && !name.equals("client_assertion") && !name.equals("client_id")) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        return new OAuth2ClientAuthenticationToken(clientId, METHOD, assertion, additional);
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length != 1 || values[0].isBlank()) {
            throw invalid("Send exactly one " + name);
        }
        return values[0];
    }

    private static String subjectOf(String assertion) {
        try {
            String subject = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
            if (subject == null || subject.isBlank()) {
                throw invalid("The client assertion has no subject (sub) naming the client");
            }
            return subject;
        } catch (ParseException e) {
            throw invalid("The client assertion is not a signed JWT");
        }
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
    }
}

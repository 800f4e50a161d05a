package org.careweave.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full CareWeave application on a random port against a fresh database (see {@link TestDatabase}) with a small
 * synthetic neighbourhood and the demo users. Test classes that use it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careweave.demo.residents=2000", "careweave.demo.seed=42", "careweave.mllp.port=0"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface CareWeaveTest {
}

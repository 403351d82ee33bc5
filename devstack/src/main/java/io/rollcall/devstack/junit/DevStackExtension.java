package io.rollcall.devstack.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.rollcall.devstack.issuer.DevIssuer;

/**
 * Starts {@link DevStack#global()} before a test class (failing it when the services
 * cannot start), resets it before each test, and resolves {@link DevStack} and
 * {@link DevIssuer} parameters.
 */
public final class DevStackExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		DevStack.global();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		DevStack.global().reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == DevStack.class || type == DevIssuer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return (parameter.getParameter().getType() == DevStack.class) ? DevStack.global() : DevIssuer.global();
	}

}

package io.rollcall.schema.json;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value, when present, is an identifier of {@link Identifiers#PATTERN}'s shape.
 * {@code null} is valid (add {@code @NotNull} where it is required), as with
 * {@code @Pattern}, which this replaces because every event carries up to five ids: a
 * character check is an order of magnitude cheaper than a regular expression on the
 * ingest path.
 */
@Documented
@Constraint(validatedBy = Identifier.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

	String message() default Identifiers.MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks with {@link Identifiers#isValid}. */
	final class Validator implements ConstraintValidator<Identifier, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Identifiers.isValid(value);
		}

	}

}

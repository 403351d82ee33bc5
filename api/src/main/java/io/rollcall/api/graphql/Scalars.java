package io.rollcall.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The schema's {@code DateTime} (ISO-8601 instant) and {@code Long} (64-bit integer)
 * scalars. Two small coercings rather than graphql-java-extended-scalars: that library is
 * not managed by Boot's dependency management, and these are all Rollcall needs. A
 * {@link RuntimeWiringConfigurer} component, so that {@code @GraphQlTest} slices wire
 * them too.
 */
@Component
class Scalars implements RuntimeWiringConfigurer {

	static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An ISO-8601 instant in UTC")
		.coercing(new DateTimeCoercing())
		.build();

	static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
		.name("Long")
		.description("A 64-bit integer")
		.coercing(new LongCoercing())
		.build();

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.scalar(DATE_TIME).scalar(LONG);
	}

	static final class DateTimeCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Instant instant) {
				return instant.toString();
			}
			throw new CoercingSerializeException("not an Instant: " + value.getClass().getSimpleName());
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("DateTime must be an ISO-8601 instant string");
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("DateTime must be an ISO-8601 instant string");
		}

		private static <E extends RuntimeException> Instant parse(String text,
				java.util.function.Function<String, E> failure) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException e) {
				throw failure.apply("DateTime must be an ISO-8601 instant, e.g. 2026-01-31T09:15:00Z");
			}
		}

	}

	static final class LongCoercing implements Coercing<Long, Long> {

		@Override
		public Long serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Long || value instanceof Integer || value instanceof Short) {
				return ((Number) value).longValue();
			}
			throw new CoercingSerializeException("not an integer: " + value.getClass().getSimpleName());
		}

		@Override
		public Long parseValue(Object input, GraphQLContext context, Locale locale) {
			try {
				return switch (input) {
					case Long number -> number;
					case Integer number -> number.longValue();
					case BigInteger number -> number.longValueExact();
					case BigDecimal number -> number.longValueExact();
					case Double number when number == Math.rint(number) && Math.abs(number) < 0x1p53 ->
						number.longValue();
					default -> throw new CoercingParseValueException("Long must be an integer");
				};
			}
			catch (ArithmeticException e) {
				throw new CoercingParseValueException("Long must be a 64-bit integer");
			}
		}

		@Override
		public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof IntValue number) {
				try {
					return number.getValue().longValueExact();
				}
				catch (ArithmeticException e) {
					throw new CoercingParseLiteralException("Long must be a 64-bit integer");
				}
			}
			throw new CoercingParseLiteralException("Long must be an integer");
		}

	}

}

package io.rollcall.indexer.backfill;

import io.rollcall.indexer.redis.RedisConfiguration;
import io.rollcall.platform.redis.RedisConnectionAutoConfiguration;
import io.rollcall.platform.redis.RedisConnector;
import io.rollcall.schema.stream.IngestKeys;
import jakarta.validation.Validator;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The load command: {@code IndexerApplication --rollcall.indexer.backfill.load.file=...
 * --rollcall.indexer.backfill.load.id=... --rollcall.indexer.backfill.load.tenant=...}
 * runs the {@link BackfillLoader} instead of the indexer and exits. It starts only what
 * the loader needs (Redis, validation) from the indexer's own configuration file, so the
 * same {@code rollcall.redis.*} settings apply. See {@code docs/BACKFILL.md}.
 */
public final class BackfillCommand {

	private static final Logger log = LoggerFactory.getLogger(BackfillCommand.class);

	private static final String PREFIX = "--rollcall.indexer.backfill.load.";

	private static final String FILE_ARGUMENT = PREFIX + "file=";

	private BackfillCommand() {
	}

	/** Whether the command line asks for a load rather than the indexer. */
	public static boolean isRequested(String... args) {
		return Arrays.stream(args).anyMatch(arg -> arg.startsWith(FILE_ARGUMENT));
	}

	/**
	 * Runs the load; returns the process exit status: 0 when the whole file is enqueued
	 * (invalid lines are reported, they do not fail the load), 1 when it stopped early
	 * (resumable) or could not start.
	 */
	public static int run(String... args) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(Configuration.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.config.name=rollcall-indexer");
		try (ConfigurableApplicationContext context = builder.run(args)) {
			BackfillProperties.Load load = context.getBean(BackfillProperties.class).load();
			if (load.file() == null || load.id() == null || load.tenant() == null) {
				log.error("A load needs {}file, {}id and {}tenant", PREFIX, PREFIX, PREFIX);
				return 1;
			}
			BackfillReport report = context.getBean(BackfillLoader.class).load(load.file(), load.id(), load.tenant());
			BackfillStatus status = report.status();
			log.info("Backfill {} enqueued: {} of {} lines valid, {} invalid (listed in {}); follow its progress in {}",
					status.id(), status.enqueued(), status.total(), status.errors(),
					context.getBean(IngestKeys.class).backfillErrors(status.id()),
					context.getBean(IngestKeys.class).backfillProgress(status.id()));
			return 0;
		}
		catch (BackfillStalledException | IllegalArgumentException | UncheckedIOException e) {
			log.error("Backfill failed: {}", e.getMessage());
			return 1;
		}
	}

	/**
	 * The loader's beans. Deliberately not a {@code @Configuration}: the indexer
	 * application's component scan must not pick it up.
	 */
	@Import({ RedisConnectionAutoConfiguration.class, RedisConfiguration.class })
	@EnableConfigurationProperties(BackfillProperties.class)
	static class Configuration {

		@Bean
		LocalValidatorFactoryBean validator() {
			return new LocalValidatorFactoryBean();
		}

		@Bean
		BackfillLoader backfillLoader(RedisConnector client, IngestKeys keys, Validator validator,
				BackfillProperties properties) {
			return new BackfillLoader(client, keys, validator, properties.load(), Clock.systemUTC());
		}

	}

}

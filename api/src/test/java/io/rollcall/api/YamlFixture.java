package io.rollcall.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Binds a typed properties record from a YAML snippet the way Boot binds
 * {@code rollcall-api.yml}: the limit tests state their configuration as the YAML an
 * operator would write, and unset keys keep their {@code @DefaultValue}s.
 */
public final class YamlFixture {

	private YamlFixture() {
	}

	public static <T> T bind(String yaml, String prefix, Class<T> type) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("fixture",
					new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			return binder.bindOrCreate(prefix, Bindable.of(type));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}

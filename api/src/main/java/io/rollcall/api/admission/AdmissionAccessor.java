package io.rollcall.api.admission;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Restores the request's {@link Admission} from the Reactor context on the threads that
 * run its data fetchers (registered in {@code META-INF/services}, as Spring Security's
 * own accessor is).
 */
public final class AdmissionAccessor implements ThreadLocalAccessor<Admission> {

	@Override
	public Object key() {
		return Admission.KEY;
	}

	@Override
	public Admission getValue() {
		return Admission.CURRENT.get();
	}

	@Override
	public void setValue(Admission value) {
		Admission.CURRENT.set(value);
	}

	@Override
	public void setValue() {
		Admission.CURRENT.remove();
	}

}

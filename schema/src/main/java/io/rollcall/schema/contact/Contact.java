package io.rollcall.schema.contact;

import io.rollcall.schema.json.Identifier;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A rep as a CRM sends it. {@code version} orders updates of the same contact (typically
 * the CRM's modification counter or timestamp): an older version arriving late never
 * overwrites a newer one.
 */
public record Contact(@NotNull @Identifier String contactId, @Size(max = 200) String name,
		@Email @Size(max = 254) String email, @Identifier String teamId, @Identifier String managerId,
		LocalDate hiredAt, @NotNull @PositiveOrZero Long version) {
}

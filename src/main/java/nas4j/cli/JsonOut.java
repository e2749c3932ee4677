package nas4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;

/**
 * Command output as compact JSON, written by Jackson: maps keep their iteration order (commands build
 * {@code LinkedHashMap}s with snake_case keys), numbers are Jackson's shortest decimal form, floats are written as
 * the double they widen to, NaN and infinities as {@code null}, and any other object (a hash, a cell, an enum) as
 * its {@code toString()}.
 */
public final class JsonOut {
  private JsonOut() {}

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
      .addModule(new SimpleModule("nas4j-cli")
          .addSerializer(Double.class, new NumberOrNull<>(Double.class))
          .addSerializer(Double.TYPE, new NumberOrNull<>(Double.TYPE))
          .addSerializer(Float.class, new NumberOrNull<>(Float.class))
          .addSerializer(Float.TYPE, new NumberOrNull<>(Float.TYPE))
          .setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                JsonSerializer<?> serializer) {
              return serializer instanceof BeanSerializerBase ? ToStringSerializer.instance : serializer;
            }
          }))
      .build();

  /** One value as compact JSON text. */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write command output as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A float or double as its double value; NaN and infinities as null. */
  private static final class NumberOrNull<T> extends StdSerializer<T> {
    NumberOrNull(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        gen.writeNumber(d);
      } else {
        gen.writeNull();
      }
    }
  }
}

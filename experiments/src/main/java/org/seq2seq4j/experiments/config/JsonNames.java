package org.seq2seq4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The names a JSON config may use where the code has a closed set, read from the same annotations Jackson binds with,
 * so an error message lists exactly what the binder accepts: enum constants by their {@link JsonProperty} name, the
 * {@code type} names of a polymorphic family from its {@link JsonSubTypes}, and the keys of a record.
 */
final class JsonNames {

    /** The property that names the type of a polymorphic config object. */
    static final String TYPE_KEY = "type";

    private JsonNames() {
    }

    /** The JSON names of {@code enumType}'s constants, in declaration order. */
    static List<String> enumNames(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = enumType.getField(name).getAnnotation(JsonProperty.class);
                names.add(property != null && !property.value().isEmpty() ? property.value() : name);
            } catch (NoSuchFieldException e) {
                names.add(name);
            }
        }
        return names;
    }

    /** The {@code type} names of the family {@code baseType} heads, in declaration order (empty if it heads none). */
    static List<String> subtypeNames(Class<?> baseType) {
        JsonSubTypes subTypes = baseType.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (JsonSubTypes.Type type : subTypes.value()) {
            if (!type.name().isEmpty()) {
                names.add(type.name());
            }
            names.addAll(Arrays.asList(type.names()));
        }
        return names;
    }

    /** Whether values of {@code type} are JSON objects with a {@code type} name. */
    static boolean isFamily(Class<?> type) {
        return type.isAnnotationPresent(JsonTypeInfo.class) && type.isAnnotationPresent(JsonSubTypes.class);
    }

    /** The {@code type} name under which {@code subtype} is registered in a family it implements, if any. */
    static Optional<String> typeName(Class<?> subtype) {
        for (Class<?> family : subtype.getInterfaces()) {
            JsonSubTypes subTypes = family.getAnnotation(JsonSubTypes.class);
            if (subTypes == null) {
                continue;
            }
            for (JsonSubTypes.Type type : subTypes.value()) {
                if (type.value().equals(subtype)) {
                    return Optional.of(type.name());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The keys an object bound to {@code type} may hold, in record-component order, with {@code type} first when it is
     * a member of a family; empty if {@code type} is not a record.
     */
    static List<String> recordKeys(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        if (typeName(type).isPresent()) {
            keys.add(TYPE_KEY);
        }
        for (RecordComponent component : components) {
            keys.add(component.getName());
        }
        return keys;
    }
}

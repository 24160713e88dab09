package org.soleus.cli;

import org.soleus.io.format.RecordingFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --format F} for every command that takes it, with {@link RecordingFormat#fromId}. */
final class FormatConverter implements ITypeConverter<RecordingFormat> {
    @Override
    public RecordingFormat convert(String value) {
        try {
            return RecordingFormat.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

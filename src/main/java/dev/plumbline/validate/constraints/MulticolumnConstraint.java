package dev.plumbline.validate.constraints;

import dev.plumbline.validate.Constraint;
import java.util.List;

/** A constraint over several columns of each record; its {@link #column()} is their names joined by ", ". */
public interface MulticolumnConstraint extends Constraint {

    List<String> columns();

    @Override
    default String column() {
        return String.join(", ", columns());
    }
}

package dev.plumbline.validate.history;

import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import dev.plumbline.contract.OdcsParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The datasets registered in PostgreSQL, read with their active contracts, as targets of foreign keys. */
@ApplicationScoped
public class RegisteredKeyTargets implements KeyTargets {

    private static final String ACTIVE = """
            SELECT v.odcs_yaml FROM dataset d
            LEFT JOIN contract_version v ON v.dataset_id = d.id AND v.status = 'active'
            WHERE d.name = ?""";

    private final DataSource dataSource;
    private final OdcsParser parser = new OdcsParser();

    public RegisteredKeyTargets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Target> find(String dataset) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(ACTIVE)) {
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String yaml = rs.getString(1);
                return Optional.of(yaml == null ? new Target(false, Set.of(), Set.of()) : target(parser.parse(yaml)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up dataset " + dataset, e);
        }
    }

    private static Target target(OdcsContract contract) {
        List<SchemaProperty> properties = contract.schema().isEmpty() || contract.schema().get(0).properties() == null
                ? List.of() : contract.schema().get(0).properties();
        return new Target(true, properties.stream().map(SchemaProperty::name).collect(Collectors.toSet()),
                properties.stream().filter(p -> p.unique() || p.primaryKey()).map(SchemaProperty::name)
                        .collect(Collectors.toSet()));
    }
}

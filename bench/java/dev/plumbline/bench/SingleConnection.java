package dev.plumbline.bench;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One JDBC connection with auto-commit off, handed out as a DataSource whose connections do not close, so
 * code written against a pooled, transaction-managed DataSource runs unchanged in a benchmark that
 * commits where the application's transaction would.
 */
final class SingleConnection implements DataSource, AutoCloseable {

    private final Connection connection;

    SingleConnection(String jdbcUrl, String user) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, "");
        connection.setAutoCommit(false);
    }

    Connection raw() {
        return connection;
    }

    void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public Connection getConnection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> "close".equals(method.getName()) ? null : method.invoke(connection, args));
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}

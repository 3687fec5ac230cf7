package io.github.hpo4j.core.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The small connection pool behind {@link Storage#open(String)}: up to a few idle connections
 * from {@link DriverManager}; one idle for more than a few seconds is checked with
 * {@link Connection#isValid} before reuse (a connection the server killed is dropped, not handed
 * out). A service with its own pool passes it to
 * {@link Storage#jdbc(DataSource)} instead. Built in rather than HikariCP so that hpo-core keeps
 * its three dependencies; a study's writes are short and serialised per study, so a handful of
 * connections is all a worker uses.
 */
final class JdbcPool implements DataSource, AutoCloseable {

    private static final int MAX_IDLE = 4;

    private final String url;
    private final Properties properties;
    /** Connections given back, with when: one idle longer than {@link #CHECK_AFTER_NANOS} is checked before reuse. */
    private final ArrayDeque<Object[]> idle = new ArrayDeque<>();
    private static final long CHECK_AFTER_NANOS = 5_000_000_000L;
    private boolean closed;

    JdbcPool(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            Object[] entry;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("pool closed", "08003");
                }
                entry = idle.pollLast();
            }
            if (entry == null) {
                return wrap(DriverManager.getConnection(url, properties));
            }
            Connection c = (Connection) entry[0];
            // a connection used moments ago is taken as it is: if the server dropped it since, the
            // statement fails with a connection error, which the storage retries on a new one
            if (System.nanoTime() - (Long) entry[1] < CHECK_AFTER_NANOS || c.isValid(2)) {
                return wrap(c);
            }
            quietlyClose(c);
        }
    }

    /** A connection whose close() gives it back to the pool. */
    private Connection wrap(Connection real) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                giveBack(real);
                return null;
            }
            try {
                return method.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private void giveBack(Connection real) {
        try {
            if (!real.isClosed() && !real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
        } catch (SQLException e) {
            quietlyClose(real);
            return;
        }
        synchronized (this) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addLast(new Object[] {real, System.nanoTime()});
                return;
            }
        }
        quietlyClose(real);
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // it is gone either way
        }
    }

    /** Drops every idle connection: after a connection failure they are likely dead too. */
    void evictIdle() {
        Object[][] all;
        synchronized (this) {
            all = idle.toArray(new Object[0][]);
            idle.clear();
        }
        for (Object[] e : all) {
            quietlyClose((Connection) e[0]);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(e -> quietlyClose((Connection) e[0]));
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's user is set by its URL");
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
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    @Override
    public String toString() {
        return url.replaceAll("password=[^&;]*", "password=***");
    }
}

import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to the state's PostgreSQL, used the way careerplan uses
/// its data file: a call waits for its answer (a terminal program has
/// nothing else to do meanwhile). The server decides what this account may
/// do; a refusal comes back as `PostgresRefusal`, in the server's words.
public final class PostgresLink: @unchecked Sendable {
    public let url: PostgresURL
    /// The role the server signed this connection in as.
    public private(set) var role = ""
    private let group: MultiThreadedEventLoopGroup
    private var connection: PostgresConnection
    private let configuration: PostgresConnection.Configuration
    /// BEGIN sent and not yet COMMIT or ROLLBACK: a connection that ends then is not opened again under it.
    private var transactionDepth = 0
    /// How many connections this link has opened (a reconnect is a new session, which has shown the server nothing yet).
    public private(set) var connectionsOpened = 1
    private let logger = Logger(label: "careerplan.postgresql")
    /// The answer being waited for, failed when the server ends the connection: postgres-nio takes a query
    /// on a connection that closed and never answers it, so a restart would otherwise hang the screens.
    private var waiting: EventLoopPromise<PostgresQueryResult>?
    private let waitingLock = NSLock()

    /// Connects as `url.user`, or as the operating-system account `account`
    /// (the local socket's peer authentication checks that it is), with the
    /// password file and client certificate found in `home` as libpq would.
    public init(_ url: PostgresURL, account: String, home: String? = ProcessInfo.processInfo.environment["HOME"],
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.url = url
        let user = url.user ?? account
        let credentials: ClientCredentials
        do { credentials = try ClientCredentials.find(for: url, user: user, home: home, environment: environment) } catch {
            throw PostgresRefusal.plain("\(error)", doing: "connect to \(url) as \(user)")
        }
        var configuration: PostgresConnection.Configuration
        switch url.place {
        case .socket:
            configuration = .init(unixSocketPath: url.socketPath!, username: user, password: credentials.password, database: url.database)
        case .tcp(let host):
            configuration = .init(host: host, port: url.port, username: user, password: credentials.password, database: url.database,
                                  tls: try Self.tls(url, credentials))
        }
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw PostgresRefusal(error, doing: "connect to \(url) as \(user)", notes: credentials.notes)
        }
        watchForClose()
        role = try value("SELECT session_user::text") ?? user
    }

    /// A connection the server ended between statements (a restart, a replica taking over) is opened again
    /// with the same credentials, so the screens go on; one that ended inside a transaction is not (what
    /// that transaction did is the server's to have kept or not, and the caller hears it failed).
    private func reconnect(doing sql: String) throws {
        guard transactionDepth == 0 else { throw PostgresRefusal.plain(Self.closed, doing: Self.firstLine(sql)) }
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
            connectionsOpened += 1
        } catch {
            throw PostgresRefusal.plain(Self.closed + "; connecting again failed: \(PostgresRefusal(error, doing: "connect"))",
                                        doing: Self.firstLine(sql))
        }
        watchForClose()
    }

    /// When this connection ends, the answer waited for on it fails (not one on a connection opened after).
    private func watchForClose() {
        let watched = ObjectIdentifier(connection)
        connection.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            waitingLock.lock()
            defer { waitingLock.unlock() }
            guard ObjectIdentifier(connection) == watched else { return }
            waiting?.fail(PostgresRefusal.plain(Self.closed, doing: "the query waiting for its answer"))
            waiting = nil
        }
    }

    deinit {
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Runs statements separated by semicolons (a schema script), no parameters, one by one.
    public func run(_ script: String) throws {
        for statement in SQLScript.statements(script) { try rows(statement) }
    }

    /// Rows of one statement, every column read as text (NULL as nil); `$1`… take `binds`.
    @discardableResult
    public func rows(_ sql: String, _ binds: [String?] = []) throws -> [[String?]] {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            if let bind { bindings.append(bind, context: .default) } else { bindings.appendNull() }
        }
        // A connection the server ended (a restart, an administrator's pg_terminate_backend) is said at once;
        // one that ends while the query waits fails the wait (`watchForClose`), never leaves it waiting for ever.
        if connection.isClosed { try reconnect(doing: sql) }
        let answer = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        waitingLock.lock()
        waiting = answer
        waitingLock.unlock()
        defer {
            waitingLock.lock()
            waiting = nil
            waitingLock.unlock()
        }
        guard !connection.isClosed else {
            let refusal = PostgresRefusal.plain(Self.closed, doing: Self.firstLine(sql))
            answer.fail(refusal)
            throw refusal
        }
        do {
            connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).cascade(to: answer)
            let result = try answer.futureResult.wait()
            return result.rows.map { row in row.map { cell in try? cell.decode(String?.self, context: .default) }.map { $0 ?? nil } }
        } catch {
            // Ended while it was asked (postgres-nio says only "PSQLError"): in words.
            if connection.isClosed { throw PostgresRefusal.plain(Self.closed, doing: Self.firstLine(sql)) }
            throw PostgresRefusal(error, doing: Self.firstLine(sql))
        }
    }

    static let closed = "the database ended this connection (a restart, or its administrator) before it answered; try again"

    /// The first column of the first row, if any.
    public func value(_ sql: String, _ binds: [String?] = []) throws -> String? {
        try rows(sql, binds).first?.first ?? nil
    }

    /// `body` inside one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try run("BEGIN")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            try? run("ROLLBACK")
            throw error
        }
    }

    /// TLS over TCP as the URL's sslmode says (the local socket never leaves
    /// the machine), with the client's certificate when it has one.
    static func tls(_ url: PostgresURL, _ credentials: ClientCredentials) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable: return .disable
        case .require: tls.certificateVerification = .none
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            if let ca = url.sslRootCert { tls.trustRoots = .file(ca) }
        }
        do {
            if let certificate = credentials.certificate, let key = credentials.key {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            }
            return .require(try NIOSSLContext(configuration: tls))
        } catch {
            throw PostgresRefusal.plain("the TLS settings could not be used: \(error)", doing: "connect to \(url)")
        }
    }

    static func firstLine(_ sql: String) -> String {
        String(sql.split(whereSeparator: \.isNewline).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "")
            .trimmingCharacters(in: .whitespaces)
    }
}

/// What the server refused, in its own words ("permission denied for table
/// barrier"), with what careerplan was doing; never the raw driver dump.
public struct PostgresRefusal: Error, CustomStringConvertible, Sendable {
    /// The SQLSTATE, e.g. 42501 insufficient privilege.
    public let code: String?
    public let message: String
    public let doing: String

    init(code: String?, message: String, doing: String) {
        self.code = code
        self.message = message
        self.doing = doing
    }

    /// `notes`: what the client passed over on the way (a password file
    /// others could read), said after the refusal it may explain.
    init(_ error: any Error, doing: String, notes: [String] = []) {
        self.doing = doing
        let also = notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
        if let e = error as? PSQLError, let info = e.serverInfo {
            code = info[.sqlState]
            message = (info[.message] ?? "\(e.code)") + also
        } else if let e = error as? PSQLError, e.code == .authMechanismRequiresPassword {
            code = nil
            message = "the server asks for a password: put it in ~/.pgpass (chmod 600) or in the address" + also
        } else if let e = error as? PSQLError {
            code = nil
            message = e.underlying.map { "\($0)" } ?? "\(e.code)"
        } else {
            code = nil
            message = "\(error)"
        }
    }

    public var isPermissionDenied: Bool { code == "42501" }

    public var description: String { "PostgreSQL refused: \(message) (\(doing))" }
}

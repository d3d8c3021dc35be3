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
    private let connection: PostgresConnection
    private let logger = Logger(label: "careerplan.postgresql")

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
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw PostgresRefusal(error, doing: "connect to \(url) as \(user)", notes: credentials.notes)
        }
        role = try value("SELECT session_user::text") ?? user
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
        do {
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
            return result.rows.map { row in row.map { cell in try? cell.decode(String?.self, context: .default) }.map { $0 ?? nil } }
        } catch {
            throw PostgresRefusal(error, doing: Self.firstLine(sql))
        }
    }

    /// The first column of the first row, if any.
    public func value(_ sql: String, _ binds: [String?] = []) throws -> String? {
        try rows(sql, binds).first?.first ?? nil
    }

    /// `body` inside one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try run("BEGIN")
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

import Foundation

/// Where a state's PostgreSQL is and who connects: `--db` given as
/// `postgresql://[USER[:PASSWORD]@][HOST][:PORT]/DATABASE[?host=/socket/dir]`.
/// Without a host (or with `?host=` naming a directory) the connection is
/// the local socket, where the server knows the operating-system account
/// (peer authentication) and no password is sent; with a host it is TCP,
/// where the server asks for one (SCRAM) or a client certificate. Query
/// parameters as libpq's: `sslmode`, `sslrootcert`, `sslcert`, `sslkey`,
/// `passfile`, `port`, `host`.
public struct PostgresURL: Equatable, Sendable, CustomStringConvertible {
    public enum Place: Equatable, Sendable {
        /// The socket's directory (the server's `unix_socket_directories`).
        case socket(directory: String)
        case tcp(host: String)
    }

    public var place: Place
    public var port: Int
    public var database: String
    /// Nil: the operating-system account's own name (peer authentication maps it).
    public var user: String?
    public var password: String?
    /// Over TCP, how the connection is encrypted, as libpq names it:
    /// `verify-full` (the default: TLS, the server's certificate checked
    /// against `sslrootcert` or the system's roots and its name against the
    /// host), `require` (TLS, certificate not checked), `disable`. On the
    /// local socket nothing travels over a network and TLS is not used.
    public var sslMode: SSLMode
    /// The certificate authorities to trust (PEM), for `verify-full`.
    public var sslRootCert: String?
    /// The client's own certificate and key (PEM), for servers that sign
    /// staff in by certificate; ClientCredentials finds libpq's defaults.
    public var sslCert: String?
    public var sslKey: String?
    /// A password file other than `~/.pgpass`.
    public var passFile: String?

    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, require, verifyFull = "verify-full"
    }

    /// Whether `--db` names PostgreSQL rather than a data file.
    public static func names(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The URL's parts, or what is wrong with it in words.
    public init(parsing text: String) throws {
        guard Self.names(text), let parts = URLComponents(string: text) else {
            throw Problem("not a PostgreSQL address: \(text) (postgresql://[USER@][HOST][:PORT]/DATABASE)")
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        guard !database.isEmpty, !database.contains("/") else {
            throw Problem("\(text) names no database: postgresql://[USER@][HOST][:PORT]/DATABASE")
        }
        self.database = database
        port = parts.port ?? parts.queryItems?.first { $0.name == "port" }?.value.flatMap(Int.init) ?? 5432
        user = parts.user.flatMap { $0.removingPercentEncoding }
        password = parts.password.flatMap { $0.removingPercentEncoding }
        let query = { (name: String) in parts.queryItems?.first { $0.name == name }?.value }
        guard let mode = SSLMode(rawValue: query("sslmode") ?? SSLMode.verifyFull.rawValue) else {
            throw Problem("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")) in \(text)")
        }
        sslMode = mode
        sslRootCert = query("sslrootcert")
        sslCert = query("sslcert")
        sslKey = query("sslkey")
        passFile = query("passfile")
        let socketDirectory = query("host")
        if let socketDirectory, socketDirectory.hasPrefix("/") {
            place = .socket(directory: socketDirectory)
        } else if let host = parts.host, !host.isEmpty {
            place = .tcp(host: host)
        } else {
            place = .socket(directory: "/var/run/postgresql")
        }
    }

    /// The socket file itself, as the server names it.
    public var socketPath: String? {
        guard case .socket(let directory) = place else { return nil }
        return directory + "/.s.PGSQL.\(port)"
    }

    /// The address as `user` with `password`, everything else as this one has it (the due writer's file).
    public func signingIn(as user: String, password: String) -> String {
        var query: [(String, String?)] = [("sslrootcert", sslRootCert), ("sslcert", sslCert), ("sslkey", sslKey)]
        let credentials = user + ":" + (password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password) + "@"
        let place: String
        switch self.place {
        case .socket(let directory):
            place = ""
            query = [("host", directory), ("port", port == 5432 ? nil : String(port))] + query
        case .tcp(let host):
            place = "\(host):\(port)"
            query.insert(("sslmode", sslMode == .verifyFull ? nil : sslMode.rawValue), at: 0)
        }
        let items = query.compactMap { name, value in value.map { "\(name)=\($0)" } }
        return "postgresql://\(credentials)\(place)/\(database)" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }

    /// Without the password, for titles and messages.
    public var description: String {
        let who = user.map { $0 + "@" } ?? ""
        switch place {
        case .socket(let directory): return "postgresql://\(who)/\(database)?host=\(directory)" + (port == 5432 ? "" : "&port=\(port)")
        case .tcp(let host):
            return "postgresql://\(who)\(host):\(port)/\(database)" + (sslMode == .verifyFull ? "" : "?sslmode=\(sslMode.rawValue)")
        }
    }

    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
        init(_ text: String) { description = text }
    }
}

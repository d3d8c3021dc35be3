import Foundation
import Glibc

/// What a connection brings besides the address, found where libpq looks,
/// so one set of files serves psql and careerplan: the password from the
/// address, or the password file (`passfile=`, PGPASSFILE, `~/.pgpass`);
/// over TCP a client certificate and its key (`sslcert=`/`sslkey=`,
/// PGSSLCERT/PGSSLKEY, `~/.postgresql/postgresql.crt` and `.key`). Files
/// others could read are passed over or refused, as libpq does: a password
/// or a key anyone else can read is no longer the member's alone.
public struct ClientCredentials: Equatable, Sendable {
    public var password: String?
    public var certificate: String?
    public var key: String?
    /// Why a password file was passed over, said if the server then asks for a password.
    public var notes: [String] = []

    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public static func find(for url: PostgresURL, user: String, home: String?,
                            environment: [String: String]) throws -> ClientCredentials {
        var found = ClientCredentials()
        let inHome = { (path: String) in home.map { $0 + "/" + path } }
        found.password = url.password
        if found.password == nil, let file = url.passFile ?? environment["PGPASSFILE"] ?? inHome(".pgpass") {
            found.password = passwordFromFile(file, url: url, user: user, notes: &found.notes)
        }
        guard case .tcp = url.place, url.sslMode != .disable else { return found }
        let namedCertificate = url.sslCert ?? environment["PGSSLCERT"]
        let namedKey = url.sslKey ?? environment["PGSSLKEY"]
        let certificate = namedCertificate ?? inHome(".postgresql/postgresql.crt")
        guard let certificate, FileManager.default.fileExists(atPath: certificate) else {
            if let namedCertificate { throw Problem(description: "the client certificate \(namedCertificate) does not exist") }
            return found
        }
        guard let key = namedKey ?? inHome(".postgresql/postgresql.key"), FileManager.default.fileExists(atPath: key) else {
            throw Problem(description: "the client certificate \(certificate) has no key: name it with sslkey= (default ~/.postgresql/postgresql.key)")
        }
        if let why = keyIsExposed(key) { throw Problem(description: why) }
        found.certificate = certificate
        found.key = key
        return found
    }

    /// The first matching line's password; nil (with a note) when the file is
    /// missing, not a plain file, or readable by the group or the world.
    static func passwordFromFile(_ path: String, url: PostgresURL, user: String, notes: inout [String]) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else {
            notes.append("the password file \(path) is not a plain file")
            return nil
        }
        guard info.st_mode & 0o077 == 0 else {
            notes.append("the password file \(path) was passed over: others may read it (chmod 600 \(path))")
            return nil
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            notes.append("the password file \(path) could not be read")
            return nil
        }
        let hosts: [String]
        switch url.place {
        case .tcp(let host): hosts = [host]
        case .socket(let directory): hosts = directory == "/var/run/postgresql" ? ["localhost", directory] : [directory]
        }
        return PassFile(parsing: text).password(hosts: hosts, port: url.port, database: url.database, user: user)
    }

    /// Why the key may not be used: libpq wants it the owner's alone (0600),
    /// or root's and readable by one group (0640).
    static func keyIsExposed(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return "the client key \(path) is not a plain file" }
        let allowed: mode_t = info.st_uid == 0 ? 0o037 : 0o077
        guard info.st_mode & allowed == 0 else {
            return "the client key \(path) may be read by others: chmod 600 \(path)"
        }
        return nil
    }
}

import Foundation
import Glibc
import PostgresStore

/// The due writer's address and password (docs/postgresql.md, "Who writes the due items"): the one
/// credential careerplan holds that its users do not. Staff may not write a state database's due table,
/// so careerplan signs in as `careerplan_due_writer` to recompute what a member's write marked. The file
/// sits beside the system configuration (`PREFIX/etc/careerplan-due-writer.conf`), root's and readable by
/// the center's service group only; a set-group-ID careerplan reads it with that group before it gives
/// the group up, so a member's own psql, cat or copy of the program cannot.
///
///     # written by careerplan init --db … --due-writer-file
///     address = postgresql://careerplan_due_writer:…@/careerplan?host=/var/run/postgresql
enum DueWriterFile {
    static func location(executable: String) -> String {
        (SystemConfig.location(executable: executable) as NSString).deletingLastPathComponent + "/careerplan-due-writer.conf"
    }

    /// The writer's address for a member's connection to `url`: nil when there is no file, the account may
    /// not read it, or it names another database (its password is never sent anywhere else).
    static func address(for url: PostgresURL) throws -> PostgresURL? {
        let path = location(executable: LocalContext.executablePath())
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String? = try Privilege.withServiceGroup {
            // Root's, written by root only, read by no one outside the group; its directory root's too.
            if Privilege.isSetGroupID {
                try SystemConfig.requireRootsOnly(path, fileMask: 0o027, also: " and read by the service group only (mode 0640)")
            }
            return try? String(contentsOfFile: path, encoding: .utf8)
        }
        guard let text else { return nil }
        let writer = try parse(text, path: path)
        return sameDatabase(writer, url) ? writer : nil
    }

    /// `address = postgresql://careerplan_due_writer:PASSWORD@…`; `#` starts a comment.
    static func parse(_ text: String, path: String) throws -> PostgresURL {
        var address: PostgresURL?
        for (number, key, value) in try SystemConfig.keyValues(text, path: path) {
            guard key == "address", let url = try? PostgresURL(parsing: value), url.user == PostgresSchema.dueWriter,
                  url.password != nil else {
                throw ValidationFailure("""
                    \(path) line \(number): expected address = postgresql://\(PostgresSchema.dueWriter):PASSWORD@…, \
                    as careerplan init --due-writer-file writes it
                    """)
            }
            address = url
        }
        guard let address else { throw ValidationFailure("\(path) holds no address") }
        return address
    }

    /// The same server and database, however each signs in.
    static func sameDatabase(_ a: PostgresURL, _ b: PostgresURL) -> Bool {
        a.place == b.place && a.port == b.port && a.database == b.database
    }
}

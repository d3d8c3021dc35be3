/// A password file as libpq reads it (`~/.pgpass`, or `passfile=` in the
/// address, or PGPASSFILE): one `hostname:port:database:username:password`
/// per line, `*` matching anything in the first four fields, `\:` and `\\`
/// a colon and a backslash, `#` a comment. The first line that matches
/// gives the password, as in libpq, so one file serves psql and careerplan.
public struct PassFile: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var fields: [String]  // hostname, port, database, username
        var password: String
    }

    var entries: [Entry]

    public init(parsing text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = Self.fields(of: line)
            guard fields.count >= 5 else { return nil }
            // As libpq: the password ends at the next unescaped colon.
            return Entry(fields: Array(fields.prefix(4)), password: fields[4])
        }
    }

    /// The password for this connection, if a line matches. `host` is the
    /// host name over TCP; on the local socket libpq matches `localhost`
    /// (for the default directory) or the socket's directory.
    public func password(hosts: [String], port: Int, database: String, user: String) -> String? {
        entries.first { entry in
            let f = entry.fields
            return (f[0] == "*" || hosts.contains(f[0])) && (f[1] == "*" || f[1] == String(port))
                && (f[2] == "*" || f[2] == database) && (f[3] == "*" || f[3] == user)
        }?.password
    }

    /// The fields of one line, split on unescaped colons, escapes undone.
    private static func fields(of line: Substring) -> [String] {
        var fields = [""]
        var escaped = false
        for character in line {
            if escaped {
                fields[fields.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append("")
            } else {
                fields[fields.count - 1].append(character)
            }
        }
        return fields
    }
}

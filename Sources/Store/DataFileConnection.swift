import GRDB

/// The file's connection (or pool of them), as the store holds it: a write
/// in a transaction first makes sure its connection has the triggers, so no
/// path to a row, a test's included, writes without the audit.
final class DataFileConnection: Sendable {
    /// For what changes no row: the migrations (which keep the triggers of their day in the file), the
    /// header's stamp, pragmas, a checkpoint, VACUUM and backups.
    let writer: any DatabaseWriter

    init(_ writer: any DatabaseWriter) { self.writer = writer }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.write { db in
            try ConnectionTriggers.ensure(db)
            return try body(db)
        }
    }

    /// Statements that change no row: the connection's triggers are not made for them.
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction(body)
    }
}

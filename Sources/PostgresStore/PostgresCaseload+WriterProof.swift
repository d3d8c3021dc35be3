import Crypto
import Domain
import Foundation

/// careerplan shows the server a session is its own before it writes (v16-careerplan-writes): the
/// server's nonce, answered with HMAC-SHA-256 under the writer's key (the due writer's password, from the
/// writer's file only the installed program reads), once per connection. Without the file there is
/// nothing to answer with: on a database with a key the server then refuses the write and says why.
extension PostgresCaseload {
    /// First in a write's transaction, once per connection (`write` forgets it when the transaction fails:
    /// the token and setting made inside went with the rollback).
    func showWriterKey() throws {
        guard provenConnection != link.connectionsOpened else { return }
        dueInTransaction = false
        guard let key = dueWriterAddress?.password else {
            // Without the file: a database with a key refuses the write, so say why here, in words for the
            // member (the server's are for a psql user), before any typing is sent.
            if try link.value("SELECT careerplan.careerplan_session()::text") == "false" {
                throw StoreError.invalid("""
                    this host has no careerplan-due-writer.conf for this database; typing kept as a draft \
                    (docs/postgresql.md)
                    """)
            }
            provenConnection = link.connectionsOpened
            return
        }
        guard let nonce = try link.value("SELECT careerplan.write_challenge()") else { return }
        let proof = Self.writerProof(nonce: nonce, key: key)
        guard try link.value("SELECT careerplan.prove_writer($1)::text", [proof]) == "true" else {
            throw StoreError.invalid("""
                the database did not take this host's writer's file (renewed since it was installed?): \
                install the DBA's newest on this host (docs/postgresql.md, "Who writes the records")
                """)
        }
        provenConnection = link.connectionsOpened
        dueInTransaction = true
    }

    /// HMAC-SHA-256 of the nonce under `key`, in hex, as the server's `prove_writer` computes it.
    public static func writerProof(nonce: String, key: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}

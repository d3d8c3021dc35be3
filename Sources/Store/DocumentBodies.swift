import Domain
import GRDB

/// Eligibility documents kept as one packed body a customer (migration
/// v35-document-bodies; issue 28's file size).
///
/// A customer has three or four documents, each a row of its own since v3
/// (keyed by customer and item since v28): the item's key, the document's
/// type, the day and the login as text, 0.19 KB a customer. Nothing queries
/// them but by customer, and they are always read together (the Documents
/// screen, the case file, the export), so they are now the customer's list
/// of `EligibilityDocument` JSON, in item order, packed like every other
/// record's body: 0.05 KB a customer. A document seen again replaces its
/// item's in the list, as the row did; the audit trail records the list
/// before and after (entries from before keep the one document).
enum DocumentBodies {
    static let table = "eligibility_document"

    /// Each customer's documents as one JSON list, in a table keyed by customer; its guard made again. A stored
    /// document type keeps its words (`EligibilityDocument.renamed` reads them as named today).
    static func migrate(_ db: Database) throws {
        // Triggers this connection made on the table go with it; a connection migrates before it writes.
        try ConnectionTriggers.forget(db)
        try db.execute(sql: """
            CREATE TABLE eligibility_document_body (
                customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                body TEXT NOT NULL
            );
            INSERT INTO eligibility_document_body (customer_id, body)
                SELECT customer_id, json_group_array(json_object(
                    'customer', 'C' || printf('%06d', customer_id), 'documentType', document_type, 'item', item,
                    'recordedBy', recorded_by, 'seenOn', seen_on))
                FROM (SELECT * FROM eligibility_document ORDER BY customer_id, item)
                GROUP BY customer_id;
            DROP TABLE eligibility_document;
            ALTER TABLE eligibility_document_body RENAME TO eligibility_document;
            """)
        try ConnectionTriggers.addGuard(on: table, db)
    }

    /// The documents stored for the customers of `rows` (each a customer's list), in customer and item order,
    /// each under the row's customer whatever its body says.
    static func documents(in rows: [Row]) throws -> [EligibilityDocument] {
        try rows.flatMap { row in
            let customer = CustomerID(row["customer_id"])
            return try sorted(CaseloadStore.decodeJSON([EligibilityDocument].self, row["body"], "\(table).body")).map {
                var d = $0
                d.customer = customer
                return d
            }
        }
    }

    /// `documents` added to what each of their customers has, each replacing the one of its item: one write a
    /// customer, in customer order.
    static func insert(_ documents: [EligibilityDocument], _ db: Database) throws {
        for (customer, new) in Dictionary(grouping: documents, by: \.customer).sorted(by: { $0.key < $1.key }) {
            var byItem: [String: EligibilityDocument] = [:]
            // As stored (the words of a renamed type kept), read inside the write's transaction.
            for d in try Self.documents(in: CaseloadStore.rows(db, table, customer, order: "customer_id")) + new { byItem[d.item] = d }
            try db.cached(sql: """
                INSERT INTO \(table) (customer_id, body) VALUES (?, careerplan_pack('\(table)', ?))
                ON CONFLICT (customer_id) DO UPDATE SET body = excluded.body
                """, arguments: [customer.number, try CaseloadStore.encodeJSON(sorted(Array(byItem.values)))])
        }
    }

    /// In item order as SQLite orders text (its bytes), as the rows were read before.
    private static func sorted(_ documents: [EligibilityDocument]) -> [EligibilityDocument] {
        documents.sorted { $0.item.utf8.lexicographicallyPrecedes($1.item.utf8) }
    }
}

import Testing
@testable import Domain

/// The audit chain's link: the same row after the same link always hashes
/// alike, and any change to a field, to the link or to where one field ends
/// and the next begins gives another hash.
@Suite struct AuditLinkTests {
    let fields: [String?] = ["2026-11-23T15:04:05Z", "mrivera", "case_note", "42", "7", "insert", nil, "{\"text\":\"called\"}"]

    @Test func aLinkIsTheSameForTheSameRow() {
        let a = AuditLink.hash(previous: AuditLink.genesis, fields: fields)
        #expect(a == AuditLink.hash(previous: AuditLink.genesis, fields: fields))
        #expect(a.count == 64 && a.allSatisfy(\.isHexDigit))
    }

    @Test func everyChangeGivesAnotherLink() {
        let a = AuditLink.hash(previous: AuditLink.genesis, fields: fields)
        var edited = fields
        edited[1] = "wchen"
        var empty = fields
        empty[6] = ""
        var shifted = fields
        shifted[1] = "mrivera" + "case_note"
        shifted[2] = ""
        let others = [AuditLink.hash(previous: a, fields: fields), AuditLink.hash(previous: AuditLink.genesis, fields: edited),
                      AuditLink.hash(previous: AuditLink.genesis, fields: empty), AuditLink.hash(previous: AuditLink.genesis, fields: shifted)]
        #expect(Set(others + [a]).count == 5)
    }
}

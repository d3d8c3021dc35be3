import Foundation

/// A record's JSON body, byte for byte as Foundation's `JSONEncoder` writes it
/// with `.sortedKeys` and `.withoutEscapingSlashes`, written straight into
/// one buffer instead of through a tree of boxed values (issue 28: encoding
/// was a quarter of seeding's time, mostly Foundation's dynamic casts and
/// dictionaries). The bytes must be the same: stored bodies are compared by
/// the append-only rules, hashed into the audit chain and exported, and old
/// bodies sit beside new ones. So anything this writer does not do exactly as
/// Foundation does (dates, data, URLs, decimals, a number JSON cannot hold, a
/// key written twice, a container used after the next one began, an
/// `encode(to:)` that writes nothing) is handed to `JSONEncoder` whole; the
/// tests compare the two on every record of a synthetic caseload and on
/// strings of every kind.
enum RecordJSON {
    static func encode(_ value: some Encodable) throws -> String {
        try direct(value) ?? foundation(value)
    }

    /// The JSON written here, or nil where Foundation must write it.
    static func direct(_ value: some Encodable) throws -> String? {
        let writer = JSONBytes()
        do {
            try writer.value(value)
            try writer.close(downTo: 0)
        } catch is NotLikeFoundation {
            return nil
        }
        return writer.unsupported ? nil : String(decoding: writer.bytes, as: UTF8.self)
    }

    /// What Foundation writes: the reference the tests hold the writer to.
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Thrown inside the writer when Foundation's output might differ: the value is encoded by Foundation instead.
struct NotLikeFoundation: Error {}

/// The writer the encoder and its containers share. Its state lives behind
/// a pointer rather than in the class's own properties: Swift checks every
/// access to a class's `var` at run time for overlapping writes, which cost
/// a fifth of encoding's time here; nothing reaches this state but one
/// encoding on one thread, and no access is held across an `encode(to:)`.
final class JSONBytes {
    private let state: UnsafeMutablePointer<JSONState>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: JSONState())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var bytes: [UInt8] { state.pointee.bytes }
    var unsupported: Bool {
        get { state.pointee.unsupported }
        set { state.pointee.unsupported = newValue }
    }

    func value<T: Encodable>(_ v: T) throws {
        if T.self == String.self { return state.pointee.string(unsafeBitCast(v, to: String.self)) }
        if T.self == Int.self { return state.pointee.ascii(String(unsafeBitCast(v, to: Int.self))) }
        if T.self == Int64.self { return state.pointee.ascii(String(unsafeBitCast(v, to: Int64.self))) }
        if T.self == Bool.self { return state.pointee.ascii(unsafeBitCast(v, to: Bool.self) ? "true" : "false") }
        if T.self == Double.self { return try state.pointee.number(unsafeBitCast(v, to: Double.self)) }
        // Foundation writes these its own way (dates as seconds, data as base64, ...): it writes them.
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self
            || T.self == Float.self {
            throw NotLikeFoundation()
        }
        let depth = state.pointee.depth
        let before = state.pointee.bytes.count
        try v.encode(to: JSONValueEncoder(writer: self, position: before))
        try state.pointee.close(downTo: depth)
        // Nothing written: Foundation makes it "{}" or refuses; let it.
        if state.pointee.bytes.count == before { throw NotLikeFoundation() }
    }

    func ascii(_ s: String) { state.pointee.ascii(s) }
    func string(_ s: String) { state.pointee.string(s) }
    func number(_ d: Double) throws { try state.pointee.number(d) }
    func begin(object: Bool, at position: Int) -> Int { state.pointee.begin(object: object, at: position) }
    func single(at position: Int) throws { try state.pointee.single(at: position) }
    func member(_ key: String, of serial: Int) throws { try state.pointee.member(key, of: serial) }
    func element(of serial: Int) throws { try state.pointee.element(of: serial) }
    func close(downTo depth: Int) throws { try state.pointee.close(downTo: depth) }

    /// An object begun where it is asked for, after `opening` begins the member or element it is the value of.
    func nestedObject<Key: CodingKey>(_ keys: Key.Type, after opening: () throws -> Void) -> KeyedEncodingContainer<Key> {
        do { try opening() } catch { unsupported = true }
        return KeyedEncodingContainer(JSONObject<Key>(writer: self, serial: begin(object: true, at: -1)))
    }

    /// An array begun where it is asked for, after `opening`.
    func nestedArray(after opening: () throws -> Void) -> any UnkeyedEncodingContainer {
        do { try opening() } catch { unsupported = true }
        return JSONArray(writer: self, serial: begin(object: false, at: -1))
    }

    /// A super-encoder: not written here (Foundation nests it under "super"), so the value goes to Foundation.
    func superEncoder() -> any Encoder {
        unsupported = true
        return JSONValueEncoder(writer: self, position: -1)
    }
}

/// The bytes and the open containers, innermost last. An object's members
/// are written in the order `encode(to:)` gives them and put in key order
/// when it closes (synthesized encoders give declaration order).
struct JSONState {
    var bytes: [UInt8] = []
    /// Set where the Encoder protocol cannot throw (a super-encoder asked for): the whole value goes to Foundation.
    var unsupported = false
    private var open: [Container] = []
    /// The members of every open object, each object's after its parent's.
    private var members: [Member] = []
    private var serials = 0

    private struct Container {
        let serial: Int
        let isObject: Bool
        /// Where its bracket is.
        let start: Int
        var count = 0
        /// Its first member in `members`.
        let firstMember: Int
        var inOrder = true
    }

    private struct Member {
        let key: String
        /// From the key's opening quote to the value's end (no comma).
        let start: Int
        var end: Int
    }

    init() { bytes.reserveCapacity(1_024) }

    var depth: Int { open.count }

    // MARK: Values

    mutating func ascii(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    mutating func number(_ d: Double) throws {
        guard d.isFinite else { throw NotLikeFoundation() }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        ascii(text)
    }

    /// A string quoted and escaped as Foundation does: quote, backslash and control characters; slashes and
    /// everything past ASCII as they are. Runs with nothing to escape are copied whole.
    mutating func string(_ s: String) {
        var text = s
        text.withUTF8 { utf8 in
            bytes.append(0x22)
            var run = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                run = i + 1
                switch byte {
                case 0x22, 0x5C: bytes.append(0x5C); bytes.append(byte)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                default: bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex(byte >> 4), Self.hex(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            bytes.append(0x22)
        }
    }

    private static func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }

    /// Whether `a` sorts before `b` as Foundation sorts keys: by their UTF-8 bytes.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let shorter = min(x.count, y.count)
                let common = shorter == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, shorter)
                return common != 0 ? common < 0 : x.count < y.count
            }
        }
    }

    // MARK: Containers

    /// The container of the value begun at `position` (-1: a nested container, begun where it is asked for):
    /// the one begun there already if it is asked for again (Foundation merges them), else a new one.
    mutating func begin(object: Bool, at position: Int) -> Int {
        if position >= 0, let i = open.lastIndex(where: { $0.start == position }) {
            if open[i].isObject == object {
                do { try close(downTo: i + 1) } catch { unsupported = true }
                return open[i].serial
            }
            unsupported = true
        } else if position >= 0, position != bytes.count {
            unsupported = true  // a container after a value in the same place
        }
        serials += 1
        open.append(Container(serial: serials, isObject: object, start: bytes.count, firstMember: members.count))
        bytes.append(object ? 0x7B : 0x5B)
        return serials
    }

    /// A single value at `position`: refused when something is there already (two values in one place).
    mutating func single(at position: Int) throws {
        guard position == bytes.count else { throw NotLikeFoundation() }
    }

    /// Makes `serial` the innermost open container again, closing what was begun inside it.
    private mutating func enter(_ serial: Int) throws {
        if open.last?.serial == serial { return }
        guard let at = open.lastIndex(where: { $0.serial == serial }) else { throw NotLikeFoundation() }
        try close(downTo: at + 1)
    }

    /// Begins the next member of object `serial`: what is written next is its value.
    mutating func member(_ key: String, of serial: Int) throws {
        try enter(serial)
        var c = open[open.count - 1]
        if c.count > 0 {
            members[members.count - 1].end = bytes.count
            let previous = members[members.count - 1].key
            if !Self.precedes(previous, key) {
                if previous == key { throw NotLikeFoundation() }
                c.inOrder = false
            }
            bytes.append(0x2C)
        }
        c.count += 1
        open[open.count - 1] = c
        members.append(Member(key: key, start: bytes.count, end: bytes.count))
        string(key)
        bytes.append(0x3A)
    }

    /// Begins the next element of array `serial`.
    mutating func element(of serial: Int) throws {
        try enter(serial)
        if open[open.count - 1].count > 0 { bytes.append(0x2C) }
        open[open.count - 1].count += 1
    }

    /// Closes the containers above the first `depth`, the innermost first.
    mutating func close(downTo depth: Int) throws {
        while open.count > depth {
            let c = open.removeLast()
            guard c.isObject else {
                bytes.append(0x5D)
                continue
            }
            if c.count > 0 { members[members.count - 1].end = bytes.count }
            if !c.inOrder { try sortMembers(c) }
            members.removeSubrange(c.firstMember...)
            bytes.append(0x7D)
        }
    }

    /// Rewrites an object's members in key order.
    private mutating func sortMembers(_ c: Container) throws {
        let written = members[c.firstMember...].sorted { Self.precedes($0.key, $1.key) }
        for (a, b) in zip(written, written.dropFirst()) where a.key == b.key { throw NotLikeFoundation() }
        var sorted: [UInt8] = []
        sorted.reserveCapacity(bytes.count - c.start)
        for (i, m) in written.enumerated() {
            if i > 0 { sorted.append(0x2C) }
            sorted.append(contentsOf: bytes[m.start..<m.end])
        }
        bytes.replaceSubrange((c.start + 1)..., with: sorted)
    }
}

/// The Encoder for one value: where it began, so a second request for its container finds the first.
struct JSONValueEncoder: Encoder {
    let writer: JSONBytes
    let position: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONObject<Key>(writer: writer, serial: writer.begin(object: true, at: position)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONArray(writer: writer, serial: writer.begin(object: false, at: position))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValue(writer: writer, position: position) }
}

struct JSONObject<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONBytes
    let serial: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii("null") }
    func encode(_ value: String, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.string(value) }
    func encode(_ value: Bool, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(value ? "true" : "false") }
    func encode(_ value: Int, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: Double, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); try writer.number(value) }
    func encode(_ value: Int8, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: Int16, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: Int32, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: Int64, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: UInt, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: UInt8, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: UInt16, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: UInt32, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: UInt64, forKey key: Key) throws { try writer.member(key.stringValue, of: serial); writer.ascii(String(value)) }
    func encode(_ value: Float, forKey key: Key) throws { throw NotLikeFoundation() }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.member(key.stringValue, of: serial)
        try writer.value(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.nestedObject(NestedKey.self) { try writer.member(key.stringValue, of: serial) }
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.nestedArray { try writer.member(key.stringValue, of: serial) }
    }

    func superEncoder() -> any Encoder { writer.superEncoder() }
    func superEncoder(forKey key: Key) -> any Encoder { writer.superEncoder() }
}

struct JSONArray: UnkeyedEncodingContainer {
    let writer: JSONBytes
    let serial: Int
    var codingPath: [any CodingKey] { [] }
    var count = 0

    mutating func encodeNil() throws { try writer.element(of: serial); count += 1; writer.ascii("null") }
    mutating func encode(_ value: String) throws { try writer.element(of: serial); count += 1; writer.string(value) }
    mutating func encode(_ value: Int) throws { try writer.element(of: serial); count += 1; writer.ascii(String(value)) }
    mutating func encode(_ value: Bool) throws { try writer.element(of: serial); count += 1; writer.ascii(value ? "true" : "false") }
    mutating func encode(_ value: Double) throws { try writer.element(of: serial); count += 1; try writer.number(value) }
    mutating func encode(_ value: Int64) throws { try writer.element(of: serial); count += 1; writer.ascii(String(value)) }
    mutating func encode(_ value: Float) throws { throw NotLikeFoundation() }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.element(of: serial)
        count += 1
        try writer.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return writer.nestedObject(NestedKey.self) { [serial, writer] in try writer.element(of: serial) }
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return writer.nestedArray { [serial, writer] in try writer.element(of: serial) }
    }

    mutating func superEncoder() -> any Encoder { writer.superEncoder() }
}

/// The one value of its place.
struct JSONSingleValue: SingleValueEncodingContainer {
    let writer: JSONBytes
    let position: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { try writer.single(at: position); writer.ascii("null") }
    mutating func encode(_ value: String) throws { try writer.single(at: position); writer.string(value) }
    mutating func encode(_ value: Bool) throws { try writer.single(at: position); writer.ascii(value ? "true" : "false") }
    mutating func encode(_ value: Int) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: Int8) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: Int16) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: Int32) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: Int64) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: UInt) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: UInt8) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: UInt16) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: UInt32) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: UInt64) throws { try writer.single(at: position); writer.ascii(String(value)) }
    mutating func encode(_ value: Double) throws { try writer.single(at: position); try writer.number(value) }
    mutating func encode(_ value: Float) throws { throw NotLikeFoundation() }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.single(at: position)
        try writer.value(value)
    }
}

import Domain

/// Names of the synthetic caseload: a Chicago-area mix, with accents,
/// Vietnamese diacritics, Chinese, Korean and Japanese names.
enum Names {
    struct Person {
        var legal: String
        var preferred: String?
        /// ASCII local part of an e-mail address; nil for some customers.
        var emailLocal: String?
    }

    static let zips = ["60601", "60608", "60609", "60614", "60617", "60620", "60623",
                       "60629", "60632", "60639", "60640", "60647", "60651", "60660",
                       "60402", "60411", "60453", "60706"]

    /// (given, family, ASCII e-mail stem, family-name-first)
    private static let people: [(String, String, String, Bool)] = [
        ("José", "Núñez", "jnunez", false), ("Zoë", "Kowalczyk", "zkowalczyk", false),
        ("Hoa", "Nguyễn Thị", "hnguyen", true), ("芳", "王", "fwang", true),
        ("伟", "李", "wli", true), ("Søren", "Ødegård", "sodegard", false),
        ("François", "Lefèvre", "flefevre", false), ("Małgorzata", "Wiśniewska", "mwisniewska", false),
        ("Ana María", "Muñoz", "amunoz", false), ("Björn", "Åström", "bastrom", false),
        ("민준", "김", "mkim", true), ("Keisha", "Washington", "kwashington", false),
        ("DeShawn", "Harris", "dharris", false), ("Mehmet", "Çelik", "mcelik", false),
        ("Aaliyah", "Johnson", "ajohnson", false), ("Tomás", "Ramírez", "tramirez", false),
        ("Chloé", "Dubois", "cdubois", false), ("Nnamdi", "Okonkwo", "nokonkwo", false),
        ("Đức", "Trần", "dtran", true), ("Ngozi", "Adébáyọ̀", "nadebayo", false),
        ("陽子", "田中", "ytanaka", true), ("Priya", "Raghunathan", "praghunathan", false),
        ("Marcus", "O'Brien", "mobrien", false), ("Lucía", "Fernández", "lfernandez", false),
        ("Olamide", "Bello", "obello", false), ("Jürgen", "Müller", "jmuller", false),
        ("Fatima", "Al-Sayed", "falsayed", false), ("Renée", "Gagnon", "rgagnon", false),
        ("Tyrone", "Jackson", "tjackson", false), ("Ewa", "Wójcik", "ewojcik", false),
        ("秀英", "张", "xzhang", true), ("Guadalupe", "Hernández", "ghernandez", false),
        ("Darnell", "Williams", "dwilliams", false), ("Siobhán", "Ní Bhriain", "snibhriain", false),
        ("Ahmad", "Rahimi", "arahimi", false), ("Brittany", "Kowalski", "bkowalski", false),
    ]

    private static let nicknames = ["José": "Pepe", "Małgorzata": "Gosia", "Guadalupe": "Lupe",
                                    "Siobhán": "Shiv", "민준": "Min", "Nnamdi": "Nam"]

    static func person(_ rng: inout SplitMix) -> Person {
        var (given, family, stem, familyFirst) = people[Int(rng.next() % UInt64(people.count))]
        // Most given-first names take another family name, so a large caseload
        // is varied rather than the same few people over and over.
        let other = people[Int(rng.next() % UInt64(people.count))]
        if !familyFirst, !other.3, rng.next() % 4 != 0 {
            family = other.1
            stem = String(stem.prefix(1)) + other.2.dropFirst()
        }
        let isCJK = given.unicodeScalars.first.map { $0.value >= 0x3000 } ?? false
        let legal = isCJK ? family + given : familyFirst ? "\(family) \(given)" : "\(given) \(family)"
        let preferred = rng.next() % 3 == 0 ? nicknames[given].map { familyFirst ? "\(family) \($0)" : "\($0) \(family)" } : nil
        return Person(legal: legal, preferred: preferred, emailLocal: rng.next() % 8 == 0 ? nil : stem)
    }
}

/// Finds, for a name, how far its given name must be expanded to tell it apart from other
/// people with the same family name. Indexed by family name so large documents stay fast.
struct NameCollisions {
    private struct Person: Hashable {
        var bare: String
        var initials: String
    }
    private var byFamily: [String: Set<Person>] = [:]

    private let cache: RenderCache?

    init(_ names: [CSLName], cache: RenderCache? = nil) {
        self.cache = cache
        for name in names where name.literal == nil {
            guard let key = Self.familyKey(name) else { continue }
            byFamily[key, default: []].insert(person(name))
        }
    }

    /// 0: nobody else shares the family name; 1: initials differ; 2: full given names needed.
    func level(_ name: CSLName) -> Int {
        guard name.literal == nil, let key = Self.familyKey(name), let people = byFamily[key], people.count > 1 else {
            return 0
        }
        let me = person(name)
        var level = 0
        for other in people where other.bare != me.bare {
            level = max(level, other.initials != me.initials ? 1 : 2)
        }
        return level
    }

    private static func familyKey(_ name: CSLName) -> String? {
        guard let family = name.family else { return nil }
        return (name.nonDroppingParticle ?? "") + "\u{1}" + family
    }

    /// Given names compared without spacing and periods ("J. J." is "J.J.").
    private func person(_ name: CSLName) -> Person {
        let given = name.given ?? ""
        return Person(bare: given.filter { $0 != " " && $0 != "." },
                      initials: Initials.make(given, with: ".", hyphen: true, initializeFull: true, cache: cache))
    }
}

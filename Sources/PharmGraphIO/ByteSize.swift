import Foundation

/// Byte counts as people write them: `512M`, `4G`, `16GiB`, `1000` (binary multiples).
public enum ByteSize {
    /// The multipliers of the suffixes K, M, G, T and P.
    private static let units: [(suffix: Character, shift: Int)] = [("K", 10), ("M", 20), ("G", 30), ("T", 40), ("P", 50)]

    /// Digits, an optional K/M/G/T/P (powers of 1024), an optional `B`/`iB`; `nil` if malformed or over `Int.max`.
    public static func parse(_ text: String) -> Int? {
        var rest = text.trimmingCharacters(in: .whitespaces).uppercased()[...]
        if rest.hasSuffix("IB") {
            rest = rest.dropLast(2)
            guard let last = rest.last, units.contains(where: { $0.suffix == last }) else { return nil }
        } else if rest.hasSuffix("B") {
            rest = rest.dropLast()
        }
        var shift = 0
        if let last = rest.last, let unit = units.first(where: { $0.suffix == last }) {
            shift = unit.shift
            rest = rest.dropLast()
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(rest) else { return nil }
        guard number <= Int.max >> shift else { return nil }
        return number << shift
    }

    /// `16 GiB`, `512 MiB`, `3 KiB`, or `1000 bytes`: the largest unit that divides the count exactly.
    public static func describe(_ count: Int) -> String {
        for (suffix, shift) in units.reversed() where count > 0 && count % (1 << shift) == 0 {
            return "\(count >> shift) \(suffix)iB"
        }
        return count == 1 ? "1 byte" : "\(count) bytes"
    }
}

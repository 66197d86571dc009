import Testing

@testable import magrelax

struct DataDirOptionTests {
    @Test func theFlagWinsAndIsMadeAbsolute() throws {
        let option = try DataDirOption.parse(["--data-dir", "/srv/me/../data/"])
        #expect(option.resolvedPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/a"]) == "/srv/data")
        let relative = try DataDirOption.parse(["--data-dir", "notes"])
        #expect(relative.resolvedPath(environment: [:]).hasPrefix("/"))
        #expect(relative.resolvedPath(environment: [:]).hasSuffix("/notes"))
    }

    @Test func xdgDataHomeThenHome() throws {
        let option = try DataDirOption.parse([])
        #expect(option.resolvedPath(environment: ["XDG_DATA_HOME": "/x/share", "HOME": "/home/a"]) == "/x/share/magrelax")
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        #expect(option.resolvedPath(environment: ["XDG_DATA_HOME": "share", "HOME": "/home/a"])
            == "/home/a/.local/share/magrelax")
        #expect(option.resolvedPath(environment: ["XDG_DATA_HOME": "", "HOME": "/home/a"])
            == "/home/a/.local/share/magrelax")
    }
}

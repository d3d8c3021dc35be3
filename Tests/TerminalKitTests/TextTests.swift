import Testing
@testable import TerminalKit

@Suite struct TextTests {
    @Test func displayWidthCountsWideAndCombiningCharacters() {
        #expect("José".displayWidth == 4)
        #expect("王芳".displayWidth == 4)
        #expect("김민준".displayWidth == 6)
        #expect("Adébáyọ̀".displayWidth == 7)
        #expect("Ｆｕｌｌ".displayWidth == 8)
    }

    @Test func truncationAndPaddingUseDisplayWidth() {
        #expect("王芳王芳".truncated(toWidth: 5) == "王芳…")
        #expect("Núñez".fitted(toWidth: 7) == "Núñez  ")
        #expect("王芳".fitted(toWidth: 3) == "王…")
        #expect("Washington".fitted(toWidth: 6) == "Washi…")
        #expect("/tmp/long/caseload.sqlite".truncatedFromStart(toWidth: 16) == "…caseload.sqlite")
        #expect("one two three".wrapped(toWidth: 7) == ["one two", "three"])
    }

    @Test func aMessageCutToItsRowsSaysThatItGoesOn() {
        #expect("one two three".wrapped(toWidth: 7, atMost: 2) == ["one two", "three"])
        #expect("one two three four".wrapped(toWidth: 7, atMost: 2) == ["one two", "three…"])
        // A full last line gives up its last cell for the mark.
        #expect("one two seventy eight".wrapped(toWidth: 7, atMost: 2) == ["one two", "sevent…"])
        #expect("one two".wrapped(toWidth: 3, atMost: 0) == [])
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect("a\u{1B}[2Jb".terminalSafe == "a^[[2Jb")
        #expect("tab\there\n".terminalSafe == "tab^Ihere^J")
        #expect("x\u{7F}".terminalSafe == "x^?")
        #expect("csi\u{9B}31m".terminalSafe == "csi<9B>31m")
        #expect("evil\u{202E}gnp.exe".terminalSafe == "evil<U+202E>gnp.exe")
        #expect("José 王芳".terminalSafe == "José 王芳")
    }
}

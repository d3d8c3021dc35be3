import Testing
import TerminalKit

@Suite struct ListMoveTests {
    @Test func movesByOneAndStaysInTheList() {
        #expect(ListMove.index(0, key: .down, count: 3) == 1)
        #expect(ListMove.index(2, key: .char("j"), count: 3) == 2)
        #expect(ListMove.index(0, key: .up, count: 3) == 0)
        #expect(ListMove.index(1, key: .char("k"), count: 3) == 0)
        #expect(ListMove.index(0, key: .down, count: 0) == 0)
        #expect(ListMove.index(0, key: .enter, count: 3) == nil)
    }

    @Test func pagesOnlyWhereOffered() {
        #expect(ListMove.index(0, key: .pageDown, count: 30) == nil)
        #expect(ListMove.index(0, key: .pageDown, count: 30, page: 10) == 10)
        #expect(ListMove.index(25, key: .pageDown, count: 30, page: 10) == 29)
        #expect(ListMove.index(5, key: .pageUp, count: 30, page: 10) == 0)
    }

    @Test func homeAndEndGoToTheEnds() {
        #expect(ListMove.index(5, key: .home, count: 9) == 0)
        #expect(ListMove.index(5, key: .end, count: 9) == 8)
        #expect(ListMove.index(0, key: .end, count: 0) == 0)
    }
}

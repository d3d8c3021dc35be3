import Domain

/// A screen with one customer open: the global note key (N) works on it.
protocol CustomerScreen: Screen {
    var session: Session { get }
    var customerID: CustomerID { get }
}

extension CustomerScreen {
    var openCustomer: (session: Session, id: CustomerID)? { (session, customerID) }
}

extension CaseFileScreen {
    var customerID: CustomerID { file.customer.id }
}

package order

// Batched reports how many orders this service reserved and settled in
// batches of more than one.
func Batched(s *Service) (reserved, settled int64) {
	return s.batchedReservations.Load(), s.batchedSettlements.Load()
}

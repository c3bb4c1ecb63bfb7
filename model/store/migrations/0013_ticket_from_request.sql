-- A ticket's page says which request on site it was made from. Without an
-- index on the ticket a decision made, finding that read every decision the
-- office ever recorded, on every ticket shown: a quarter of the server's CPU
-- while scripts changed tickets on the ten-year office (each change prints
-- the ticket).
CREATE INDEX scope_decisions_ticket ON scope_decisions(ticket_id) WHERE ticket_id IS NOT NULL;

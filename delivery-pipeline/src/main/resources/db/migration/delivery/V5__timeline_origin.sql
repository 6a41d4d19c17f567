-- Where each timeline entry came from (PAGE, API, BOT, JENKINS, SYSTEM); null on entries written before.
ALTER TABLE del_timeline ADD COLUMN origin VARCHAR(16);

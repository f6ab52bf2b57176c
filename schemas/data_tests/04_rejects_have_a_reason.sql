-- Every reject says why.
SELECT * FROM rejects WHERE reason IS NULL OR reason = ''

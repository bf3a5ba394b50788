"""Database errors a service may catch, whichever database raised them.

On PostgreSQL an error aborts the whole transaction: a statement that is
expected to fail (a unique key taken) runs inside ``with conn.savepoint():``.
"""

import sqlite3

from psycopg import errors as _pg

IntegrityError = (sqlite3.IntegrityError, _pg.IntegrityError)

# The whole transaction must start again (PostgreSQL: serialization failure or
# deadlock); the db layer retries it. Code that catches errors per item inside a
# transaction lets these through.
RetryTransaction = (_pg.SerializationFailure, _pg.DeadlockDetected)

// Where a cluster was made: the machine and the Docker engine its containers live in. A team's store holds
// clusters made on other machines; `list` shows them as `remote` (not `missing`) and `down` leaves them alone.
/** The record's key in the store (clusters/<name>/origin.json). */
export const ORIGIN_RECORD = 'origin';

/** clusters/<name>/origin.json, written when `up` records its intent. */
export interface Origin {
  host: string;
  /** The Docker endpoint the cluster's containers are in, as that machine reached it. */
  docker: string;
  owner?: string;
  createdAt: string;
}

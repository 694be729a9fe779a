export interface TreeNode {
  value: string;
  children: TreeNode[];
  parent?: TreeNode;
}

export interface Folder {
  name: string;
  files: File[];
  owner: Person | null;
}

export interface File {
  name: string;
  folder?: Folder;
}

export interface Person {
  name: string;
  home?: Folder;
  friends: Record<string, Person>;
}

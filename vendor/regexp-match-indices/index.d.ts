declare function exec(regexp: RegExp, string: string): RegExpExecArray | null;
export = exec;
